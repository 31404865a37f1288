#ifndef ACCORD_CSTEMMER_SHIM_H
#define ACCORD_CSTEMMER_SHIM_H
#include <libstemmer.h>
#endif
