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

/* Mouse: the button masks are macros. Turns reporting of presses and the wheel on (no motion,
   no click resolution, so a press arrives at once); returns 1 when the terminal can report. */
static inline int shim_mouse_on(void) {
    mmask_t want = BUTTON1_PRESSED | BUTTON2_PRESSED | BUTTON3_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED;
    mouseinterval(0);
    return mousemask(want, NULL) != 0;
}
/* The pending KEY_MOUSE event: 1/2/3 a button pressed, 4 wheel up, 5 wheel down, 0 anything
   else (releases, or no event). Row and column are screen cells, 0-based. */
static inline int shim_read_mouse(int *row, int *col) {
    MEVENT e;
    if (getmouse(&e) != OK) return 0;
    *row = e.y; *col = e.x;
    if (e.bstate & BUTTON4_PRESSED) return 4;
    if (e.bstate & BUTTON5_PRESSED) return 5;
    if (e.bstate & BUTTON1_PRESSED) return 1;
    if (e.bstate & BUTTON2_PRESSED) return 2;
    if (e.bstate & BUTTON3_PRESSED) return 3;
    return 0;
}

/* Job control. Signal handlers may only do async-signal-safe work, so SIGTSTP and SIGCONT write
   one byte ('T' or 'C') to a non-blocking pipe the main loop polls, like the store's change feed.
   The descriptor lives in this header's static; only Terminal.swift calls these functions. */
#include <signal.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
static int shim_job_pipe[2] = { -1, -1 };
static void shim_job_signal(int sig) {
    int saved = errno;
    char byte = sig == SIGTSTP ? 'T' : 'C';
    if (shim_job_pipe[1] >= 0) { ssize_t n = write(shim_job_pipe[1], &byte, 1); (void)n; }
    errno = saved;
}
/* Creates the pipe (once) and catches SIGTSTP and SIGCONT; returns the read end, -1 on failure. */
static inline int shim_job_control_start(void) {
    if (shim_job_pipe[0] < 0) {
        if (pipe(shim_job_pipe) != 0) return -1;
        for (int i = 0; i < 2; i++) {
            fcntl(shim_job_pipe[i], F_SETFL, fcntl(shim_job_pipe[i], F_GETFL) | O_NONBLOCK);
            fcntl(shim_job_pipe[i], F_SETFD, FD_CLOEXEC);
        }
    }
    struct sigaction sa;
    sa.sa_handler = shim_job_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGTSTP, &sa, NULL);
    sigaction(SIGCONT, &sa, NULL);
    return shim_job_pipe[0];
}
/* Reads what the handlers wrote: bit 1 a stop was asked (SIGTSTP), bit 2 the process continued. */
static inline int shim_job_control_take(void) {
    char buf[64];
    int seen = 0;
    ssize_t n;
    while (shim_job_pipe[0] >= 0 && (n = read(shim_job_pipe[0], buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < n; i++) seen |= buf[i] == 'T' ? 1 : 2;
    }
    return seen;
}
/* Stops the process group as the shell's Ctrl-Z would (SIGTSTP with its default action), and
   returns once continued (fg/bg or SIGCONT); our handler is back in place then. In an orphaned
   process group (no job-control shell) the kernel discards the signal and this returns at once. */
static inline void shim_stop_self(void) {
    struct sigaction dfl, old;
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    dfl.sa_flags = 0;
    sigaction(SIGTSTP, &dfl, &old);
    sigset_t tstp, before;
    sigemptyset(&tstp);
    sigaddset(&tstp, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &tstp, &before);
    kill(0, SIGTSTP);
    sigprocmask(SIG_SETMASK, &before, NULL);
    sigaction(SIGTSTP, &old, NULL);
}

#endif
