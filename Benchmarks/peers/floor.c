/* The floor: raw Pango/Cairo in C with naive pagination and no contents, over the plain
 * paragraphs of the given article files (front matter skipped). One PangoContext, one
 * layout per paragraph, a page break when the next paragraph does not fit.
 * Build: gcc floor.c -o floor $(pkg-config --cflags --libs pangocairo) */
#include <pango/pangocairo.h>
#include <cairo-pdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: floor OUT.pdf FILE...\n"); return 2; }
    const double W = 595.276, H = 841.89, M = 56.7;
    cairo_surface_t *surface = cairo_pdf_surface_create(argv[1], W, H);
    cairo_t *cr = cairo_create(surface);
    PangoFontMap *map = pango_cairo_font_map_get_default();
    PangoContext *ctx = pango_font_map_create_context(map);
    pango_cairo_context_set_resolution(ctx, 72);
    PangoFontDescription *font = pango_font_description_from_string("Noto Serif 10");
    double y = M;
    int pages = 1;
    char *line = NULL; size_t cap = 0;
    for (int f = 2; f < argc; f++) {
        FILE *in = fopen(argv[f], "r");
        if (!in) continue;
        int dashes = 0;
        while (getline(&line, &cap, in) > 0) {
            if (dashes < 2) { if (strncmp(line, "---", 3) == 0) dashes++; continue; }
            size_t n = strlen(line);
            while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
            if (!n) continue;
            PangoLayout *layout = pango_layout_new(ctx);
            pango_layout_set_font_description(layout, font);
            pango_layout_set_width(layout, (int)((W - 2 * M) * PANGO_SCALE));
            pango_layout_set_justify(layout, TRUE);
            pango_layout_set_text(layout, line, (int)n);
            int w, h;
            pango_layout_get_size(layout, &w, &h);
            double height = (double)h / PANGO_SCALE;
            if (y + height > H - M && y > M) { cairo_show_page(cr); pages++; y = M; }
            cairo_move_to(cr, M, y);
            pango_cairo_show_layout(cr, layout);
            y += height + 5;
            g_object_unref(layout);
        }
        fclose(in);
    }
    free(line);
    pango_font_description_free(font);
    g_object_unref(ctx);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    fprintf(stderr, "%d pages\n", pages);
    return 0;
}
