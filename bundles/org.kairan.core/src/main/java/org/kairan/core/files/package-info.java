/** Files kept by the server by their content (添付ファイル, PDF of record). */
package org.kairan.core.files;
