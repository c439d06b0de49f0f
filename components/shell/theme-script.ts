/**
 * Runs in <head> before the first paint: applies the theme the reader chose (stored in
 * localStorage) so a dark page never flashes light. With no choice stored, CSS follows
 * prefers-color-scheme.
 */
export const THEME_STORAGE_KEY = "fw-theme";

export const themeBootScript = `(function(){try{var t=localStorage.getItem("${THEME_STORAGE_KEY}");if(t==="light"||t==="dark"){document.documentElement.dataset.theme=t;}}catch(e){}})();`;
