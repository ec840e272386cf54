#ifndef TRANSPARENCY_CMIMALLOC_SHIM_H
#define TRANSPARENCY_CMIMALLOC_SHIM_H
#include <mimalloc.h>
#endif
