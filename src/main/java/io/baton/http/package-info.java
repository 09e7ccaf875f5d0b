/** HTTP edges shared by every capability: problem+json errors and client authentication. */
package io.baton.http;
