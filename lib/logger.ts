/** Structured JSON logs (pino). One root logger; modules take a child with their name. */
import pino from "pino";
import { getEnv } from "./env";

export const logger = pino({
  level: getEnv().LOG_LEVEL,
  base: { app: "frontierwatch" },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export function moduleLogger(module: string) {
  return logger.child({ module });
}
