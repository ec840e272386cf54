#ifndef TRANSPARENCY_CCMARK_SHIM_H
#define TRANSPARENCY_CCMARK_SHIM_H
#include <cmark.h>
#endif
