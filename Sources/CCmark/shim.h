#ifndef FLIGHTDECK_CCMARK_SHIM_H
#define FLIGHTDECK_CCMARK_SHIM_H
#include <cmark.h>
#endif
