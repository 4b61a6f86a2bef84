import type { OpenAPIHono } from '@hono/zod-openapi';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import type { Platform } from '../apps/platform/platform';
import { createApp } from '../apps/server/app';
import type { AppEnv } from '../kernel/http';

type OpenApiDocument = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
  >;
  components: { schemas: Record<string, unknown> };
};

export type ApiResponse<T = unknown> = { status: number; body: T; headers: Headers };

export function createTestApp(platform: Platform): OpenAPIHono<AppEnv> {
  return createApp(platform, {
    secureCookies: false,
    oidc: null,
    version: 'test',
    logError: (requestId, error) => {
      process.stderr.write(`unexpected server error ${requestId}: ${(error as Error).stack}\n`);
    },
  });
}

/**
 * Calls the API in-process and checks every JSON response against the schema
 * the OpenAPI document declares for that path, method and status — so the
 * document cannot drift from what the server really sends.
 */
export class ApiClient {
  private cookie: string | null = null;
  private validators = new Map<string, ValidateFunction>();
  private document: OpenApiDocument | null = null;
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });

  constructor(
    private readonly app: OpenAPIHono<AppEnv>,
    private readonly defaults: { organisation?: string; token?: string } = {},
  ) {}

  as(options: { organisation?: string; token?: string }): ApiClient {
    const client = new ApiClient(this.app, { ...this.defaults, ...options });
    client.cookie = this.cookie;
    client.document = this.document;
    return client;
  }

  async signIn(email: string, password = 'correct horse battery'): Promise<ApiResponse> {
    const response = await this.call('POST', '/api/v1/session', { email, password });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response;
  }

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const requestHeaders: Record<string, string> = { ...headers };
    if (body !== undefined) requestHeaders['content-type'] = 'application/json';
    if (this.defaults.organisation && !('Mainstay-Organisation' in headers)) {
      requestHeaders['Mainstay-Organisation'] = this.defaults.organisation;
    }
    if (this.defaults.token) requestHeaders.authorization = `Bearer ${this.defaults.token}`;
    if (this.cookie) {
      requestHeaders.cookie = this.cookie;
      requestHeaders.origin = 'http://localhost';
    }
    const response = await this.app.request(path, {
      method,
      headers: requestHeaders,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair && !pair.endsWith('=') ? pair : null;
    }
    const text = await response.text();
    const parsed = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    await this.checkAgainstDocument(method, path, response, parsed);
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  private async checkAgainstDocument(
    method: string,
    path: string,
    response: Response,
    body: unknown,
  ): Promise<void> {
    if (!path.startsWith('/api/')) return;
    if (!this.document)
      this.document = (await (await this.app.request('/openapi.json')).json()) as OpenApiDocument;
    const pathOnly = path.split('?')[0]!;
    const template = Object.keys(this.document.paths).find((candidate) =>
      new RegExp(`^${candidate.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(pathOnly),
    );
    expect(template, `${method} ${pathOnly} is not in the OpenAPI document`).toBeDefined();
    const operation = this.document.paths[template!]![method.toLowerCase()];
    expect(operation, `${method} ${template} is not in the OpenAPI document`).toBeDefined();
    const declared = operation!.responses[String(response.status)];
    expect(
      declared,
      `${method} ${template} answered ${response.status}, which the document does not declare`,
    ).toBeDefined();
    const content = declared!.content;
    if (!content) return;
    const [mediaType, { schema }] = Object.entries(content)[0]!;
    expect(response.headers.get('content-type') ?? '').toContain(mediaType);
    const key = `${method} ${template} ${response.status}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile({ ...(schema as object), components: this.document.components });
      this.validators.set(key, validate);
    }
    const valid = validate(body);
    expect(valid, `${key} body does not match the document: ${this.ajv.errorsText(validate.errors)}`).toBe(
      true,
    );
  }
}
