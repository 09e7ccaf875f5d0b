/** Values used by every capability: {@link io.baton.common.Msisdn}. Plain Java, no framework. */
package io.baton.common;
