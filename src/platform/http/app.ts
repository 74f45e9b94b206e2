/** Build the Fastify application: plumbing in a fixed order, then every feature module's routes. */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import etag from '@fastify/etag';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerModules } from '../../modules/index.js';
import { AppError } from '../errors.js';
import { errorHandler } from './errors.js';
import { registerIdempotency } from './idempotency.js';
import { registerSession } from './session.js';
import type { App, Deps } from './types.js';

z.config(z.locales.vi());

const here = path.dirname(fileURLToPath(import.meta.url));
/** dist/web from src/platform/http or dist/server/platform/http. */
export const webRoot = [path.resolve(here, '../../../dist/web'), path.resolve(here, '../../../web')].find((p) =>
  fs.existsSync(path.join(p, 'index.html')) && fs.existsSync(path.join(p, 'assets')),
);

export interface BuildOptions {
  logger?: boolean;
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
}

/** Create the app (not listening). */
export async function buildApp(deps: Deps, opts: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ? { level: deps.config.logLevel } : false,
    genReqId: () => randomUUID(),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: deps.config.session.secureCookies,
    crossOriginEmbedderPolicy: false,
  });
  // ETag first (hashes the plain payload), then compression of what goes out.
  await app.register(etag, { algorithm: 'sha1' });
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [(await import('node:zlib')).constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(cookie);

  await app.register(swagger, {
    openapi: {
      info: { title: 'mtqg API', version: '0.1.0', description: 'API của mtqg — Chương trình MTQG cấp xã' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'mtqg_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerSession(app, deps);
  registerIdempotency(app, deps);

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/') && req.method === 'GET' && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'private, no-cache');
    }
    return payload;
  });

  await app.register(async (api) => registerModules(api as unknown as App, deps));

  if (opts.serveWeb && webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      preCompressed: true,
      index: false,
      wildcard: false,
      cacheControl: false, // set below: immutable for hashed assets, no-cache for the rest
      setHeaders: (res, filePath) => {
        res.setHeader(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }

  app.setNotFoundHandler(async (req, reply) => {
    // A missing file (an /assets/* chunk from an older build, /favicon.ico …) is a 404, never index.html:
    // a browser holding an old page must see the failure, not parse HTML as JavaScript.
    const isFile = /\.[a-z0-9]+$/i.test(req.url.split('?')[0] ?? '');
    if (req.url.startsWith('/api/') || !opts.serveWeb || !webRoot || req.method !== 'GET' || isFile) {
      throw new AppError('NOT_FOUND', 'Không tìm thấy địa chỉ này');
    }
    // The SPA's own routes: hand out index.html and let the client router decide.
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html', { cacheControl: false });
  });

  return app;
}
