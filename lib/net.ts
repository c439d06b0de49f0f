/** Small network checks used before binding ports. */
import net from "node:net";

export class PortInUseError extends Error {
  constructor(public readonly port: number, what: string) {
    super(`Port ${port} is already in use: cannot start ${what}. Stop the other process or choose another port.`);
    this.name = "PortInUseError";
  }
}

export function assertPortFree(port: number, host: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EADDRINUSE" || err.code === "EACCES") reject(new PortInUseError(port, what));
      else reject(err);
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve()));
  });
}
