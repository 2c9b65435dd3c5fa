#ifndef VARSYN_CZLIB_SHIM_H
#define VARSYN_CZLIB_SHIM_H
#include <zlib.h>
#endif
