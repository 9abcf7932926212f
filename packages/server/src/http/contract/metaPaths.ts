// The two open routes: liveness (what load balancers poll) and this document.
import { healthSchema } from '../schemas/health';
import { openApiShapeSchema } from '../schemas/openApiShape';
import { operation } from './operation';

export const metaPaths = () => ({
  '/health': {
    get: operation({
      operationId: 'getHealth',
      summary: 'Liveness, the storage specification version, the dialect and the optional capabilities',
      description: 'Answers without touching the database: point a load balancer here.',
      tags: ['meta'],
      open: true,
      answer: { schema: healthSchema, description: 'The server is up' },
      refusals: [],
    }),
  },
  '/openapi.json': {
    get: operation({
      operationId: 'getOpenApiDocument',
      summary: 'This document (OpenAPI 3.1)',
      tags: ['meta'],
      open: true,
      answer: { schema: openApiShapeSchema, description: 'The OpenAPI 3.1 document' },
      refusals: [],
    }),
  },
});
