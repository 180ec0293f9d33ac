declare module 'decap-server/dist/middlewares.js' {
  import type { Express } from 'express';
  const middlewares: {
    registerLocalGit(app: Express, options?: { logLevel?: string }): Promise<void>;
    registerLocalFs(app: Express, options?: { logLevel?: string }): Promise<void>;
  };
  export default middlewares;
}
