"use client";
/** Light / dark / system. The choice is stored and applied before paint by themeBootScript. */
import { useCallback, useSyncExternalStore } from "react";
import { THEME_STORAGE_KEY } from "./theme-script";

type Theme = "system" | "light" | "dark";
const ORDER: Theme[] = ["system", "light", "dark"];
const ICON: Record<Theme, string> = { system: "◐", light: "☀", dark: "☾" };
const LABEL: Record<Theme, string> = { system: "auto", light: "light", dark: "dark" };

const listeners = new Set<() => void>();
function subscribe(cb: () => void) {
  listeners.add(cb);
  return () => listeners.delete(cb);
}
function readTheme(): Theme {
  const t = document.documentElement.dataset.theme;
  return t === "light" || t === "dark" ? t : "system";
}

export function ThemeToggle() {
  // the server cannot know the stored choice: it renders "system", the client corrects after hydration
  const theme = useSyncExternalStore(subscribe, readTheme, () => "system" as Theme);
  const cycle = useCallback(() => {
    const next = ORDER[(ORDER.indexOf(readTheme()) + 1) % ORDER.length]!;
    if (next === "system") {
      delete document.documentElement.dataset.theme;
      try { localStorage.removeItem(THEME_STORAGE_KEY); } catch {}
    } else {
      document.documentElement.dataset.theme = next;
      try { localStorage.setItem(THEME_STORAGE_KEY, next); } catch {}
    }
    listeners.forEach((l) => l());
  }, []);
  return (
    <button type="button" className="theme-toggle" onClick={cycle} data-testid="theme-toggle" data-theme-choice={theme} title="Change theme: auto (system), light, dark">
      <span aria-hidden="true">{ICON[theme]}</span> Theme: {LABEL[theme]}
    </button>
  );
}
