// Non-variadic wrappers over libedit's variadic el_set/history calls, which Swift cannot call.
#include <stdio.h>
#include <histedit.h>

typedef char *(*ckalab_prompt_fn)(EditLine *);
typedef unsigned char (*ckalab_key_fn)(EditLine *, int);

static inline void ckalab_el_set_prompt(EditLine *el, ckalab_prompt_fn fn) { el_set(el, EL_PROMPT, fn); }
static inline void ckalab_el_set_editor(EditLine *el, const char *mode) { el_set(el, EL_EDITOR, mode); }
static inline void ckalab_el_set_history(EditLine *el, History *h) { el_set(el, EL_HIST, history, h); }
static inline void ckalab_el_set_signal(EditLine *el, int on) { el_set(el, EL_SIGNAL, on); }
static inline void ckalab_el_set_clientdata(EditLine *el, void *data) { el_set(el, EL_CLIENTDATA, data); }
static inline void *ckalab_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline void ckalab_el_add_function(EditLine *el, const char *name, const char *help, ckalab_key_fn fn) {
    el_set(el, EL_ADDFN, name, help, fn);
}
static inline void ckalab_el_bind(EditLine *el, const char *key, const char *function) {
    el_set(el, EL_BIND, key, function, NULL);
}
/// Edit mode without ISIG, so Ctrl-C reaches the editor as a key instead of killing the lab.
static inline void ckalab_el_keep_interrupt_key(EditLine *el) { el_set(el, EL_SETTY, "-d", "-isig", NULL); }

static inline void ckalab_history_set_size(History *h, int size) {
    HistEvent event;
    history(h, &event, H_SETSIZE, size);
}
static inline void ckalab_history_set_unique(History *h) {
    HistEvent event;
    history(h, &event, H_SETUNIQUE, 1);
}
static inline int ckalab_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}
static inline int ckalab_history_load(History *h, const char *file) {
    HistEvent event;
    return history(h, &event, H_LOAD, file);
}
static inline int ckalab_history_save(History *h, const char *file) {
    HistEvent event;
    return history(h, &event, H_SAVE, file);
}

/// el_init on the process's own terminal streams (Swift 6 cannot touch C's global FILE*s).
static inline EditLine *ckalab_el_init(const char *program) { return el_init(program, stdin, stdout, stderr); }
static inline void ckalab_print(const char *text) {
    fputs(text, stdout);
    fflush(stdout);
}
