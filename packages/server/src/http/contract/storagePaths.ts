// POST /v1/storage/<method>: read from the route table itself (routes/storageRoutes.ts), so a
// method added there is documented here with its input, answer and refusals.
import { storageRoutes } from '../routes/storageRoutes';
import { operation, v1 } from './operation';

const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

export const storagePaths = () =>
  Object.fromEntries(
    storageRoutes.map((route) => [
      `/v1/storage/${route.method}`,
      {
        post: operation({
          operationId: `storage${capitalised(route.method)}`,
          summary: route.summary,
          description: `ChannelStorage.${route.method}: the body is its input record, the answer its result. A service token acts in its own org and as its own service only (403).`,
          tags: ['storage'],
          body: route.schema,
          answer: { schema: route.result, description: `The result of ${route.method}` },
          refusals: [400, 403, ...v1, ...route.refusals],
        }),
      },
    ]),
  );
