/** Reports: campaign statistics computed from PostgreSQL. */
package io.baton.report;
