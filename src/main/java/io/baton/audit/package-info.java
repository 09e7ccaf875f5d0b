/** The admin audit log: who did what to a campaign, and when (draws, reviews). */
package io.baton.audit;
