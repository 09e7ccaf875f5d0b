/** Leaderboards: Redis sorted sets per campaign by city and by sender, and their SSE stream. */
package io.baton.leaderboard;
