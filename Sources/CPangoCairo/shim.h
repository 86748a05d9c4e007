#ifndef DESPATCH_CPANGOCAIRO_SHIM_H
#define DESPATCH_CPANGOCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <hb-ot.h>
#endif
