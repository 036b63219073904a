/** The demo: a tour of the samples' system through the SDK, on an embedded default (nothing to install). */
@NullMarked
package ai.openclaw.samples.demo;

import org.jspecify.annotations.NullMarked;
