/**
 * {@code ./baton}, the operator's command line (picocli): commands that need no running Baton and
 * no database, such as {@code verify-draw}. Plain Java on the application's class path.
 */
package io.baton.cli;
