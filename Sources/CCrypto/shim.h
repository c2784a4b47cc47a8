#ifndef FLIGHTDECK_CCRYPTO_SHIM_H
#define FLIGHTDECK_CCRYPTO_SHIM_H
#include <openssl/evp.h>
#endif
