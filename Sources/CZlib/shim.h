#ifndef ACCORD_CZLIB_SHIM_H
#define ACCORD_CZLIB_SHIM_H
#include <zlib.h>

// deflateInit2 is a macro (it passes the library version and struct size); Swift cannot call it.
static inline int accord_deflateInit2(z_stream *stream, int level, int windowBits, int memLevel, int strategy) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, memLevel, strategy);
}
#endif
