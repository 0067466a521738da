/**
 * The emulator's implementation. Not an API: anything here may change without notice. Classes that
 * are public here are public only so that the API package can reach them.
 */
package io.graphupload.emulator.internal;
