#ifndef ACCORD_CBROTLI_SHIM_H
#define ACCORD_CBROTLI_SHIM_H
#include <brotli/encode.h>
#endif
