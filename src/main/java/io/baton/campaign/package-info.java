/** Campaigns: the YAML model, its validation, loading from {@code campaigns/} and the admin API. */
package io.baton.campaign;
