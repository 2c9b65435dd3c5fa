/* CVarSynScan is header-only (static inline functions in include/varsyn_scan.h, inlined into the Swift caller);
 * SwiftPM needs one source file per C target. */
#include "varsyn_scan.h"
