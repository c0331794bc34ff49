#ifndef FRONTDESK_CNCURSESW_SHIM_H
#define FRONTDESK_CNCURSESW_SHIM_H

/* Must come before curses.h, or cchar_t / wget_wch / wint_t stay invisible. */
#define _XOPEN_SOURCE_EXTENDED 1
#include <stdio.h>
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* ncurses globals are not concurrency-safe in Swift 6; read them through these. */
static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline int shim_lines(void) { return LINES; }
static inline int shim_cols(void) { return COLS; }
static inline int shim_colors(void) { return COLORS; }
static inline int shim_color_pairs(void) { return COLOR_PAIRS; }

/* stdio globals are not concurrency-safe in Swift 6 either; newterm wants them. */
static inline FILE *shim_stdout(void) { return stdout; }
static inline FILE *shim_stdin(void) { return stdin; }

/* Attribute macros do not import. */
static inline attr_t shim_a_normal(void) { return A_NORMAL; }
static inline attr_t shim_a_bold(void) { return A_BOLD; }
static inline attr_t shim_a_dim(void) { return A_DIM; }
static inline attr_t shim_a_reverse(void) { return A_REVERSE; }
static inline attr_t shim_a_underline(void) { return A_UNDERLINE; }

/* The terminal's real size (ioctl is variadic and does not import). When it differs from the
   screen's, resize ncurses to it and return 1: a SIGWINCH that lands between the last key read
   and the next poll(2) would otherwise leave the screen at the old size until another event. */
#include <sys/ioctl.h>
static inline int shim_sync_size(WINDOW *w) {
    struct winsize ws;
    if (ioctl(fileno(stdout), TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return 0;
    if ((int)ws.ws_row == getmaxy(w) && (int)ws.ws_col == getmaxx(w)) return 0;
    resizeterm(ws.ws_row, ws.ws_col);
    return 1;
}

/* KEY_F(n) is a macro. */
static inline int shim_key_f(int n) { return KEY_F(n); }

/* wcwidth is hidden without _XOPEN_SOURCE in the Glibc module; declare it for the wrapper.
   Returns columns for one scalar, -1 for non-printables; answers from LC_CTYPE. */
extern int wcwidth(wchar_t c);
static inline int shim_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

/* A C.UTF-8 LC_CTYPE locale object (NULL if unavailable); call once and keep it. */
static inline locale_t shim_utf8_ctype_locale(void) {
    return newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}
/* wcwidth under `loc` for this thread only (glibc has no wcwidth_l); process locale untouched. */
static inline int shim_wcwidth_in(locale_t loc, unsigned int c) {
    locale_t old = uselocale(loc);
    int w = wcwidth((wchar_t)c);
    uselocale(old);
    return w;
}

/* Locale codeset name, e.g. "UTF-8" or "ANSI_X3.4-1968". */
static inline const char *shim_codeset(void) { return nl_langinfo(CODESET); }

#endif
