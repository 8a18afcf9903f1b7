/**
 * 回覧 (circulars): a notice addressed to a unit that its members read and 確認 (acknowledge), the
 * paper 回覧板 of a city office. The first records a user creates and acts on through sync.
 */
package org.kairan.core.circular;
