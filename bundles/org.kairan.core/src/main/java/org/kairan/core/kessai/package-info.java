/**
 * 電子決裁 (electronic approval), pure domain: the 事務決裁規程 ({@link org.kairan.core.kessai.DecisionRules}),
 * the route of a 起案 through 回議・合議 to its 決裁 or 専決 with its 供覧 readers
 * ({@link org.kairan.core.kessai.ApprovalRoute}), how the initial route is made from the drafter's
 * organisation as of the draft date ({@link org.kairan.core.kessai.RouteBuilder}) and edited before
 * submission ({@link org.kairan.core.kessai.RouteEditor}), and the 文書番号
 * ({@link org.kairan.core.kessai.DocumentNumberFormat}). No I/O: the server stores and allocates, the
 * client shows.
 */
package org.kairan.core.kessai;
