#ifndef ACCORD_CUTF8PROC_SHIM_H
#define ACCORD_CUTF8PROC_SHIM_H
#include <utf8proc.h>
#endif
