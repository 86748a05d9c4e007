#ifndef DESPATCH_CFONTCONFIG_SHIM_H
#define DESPATCH_CFONTCONFIG_SHIM_H
#include <fontconfig/fontconfig.h>
#endif
