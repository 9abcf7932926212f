// GET /v1/events: Server-Sent Events. Its frames are not one JSON body, so the answer is described
// in words; each frame's data is a ChannelEvent (components.schemas), as POST /v1/storage/events answers.
import { eventQuerySchema } from '../schemas/records';
import { inputSchema } from './jsonSchema';
import { operation, v1 } from './operation';

const { org, service, after } = eventQuerySchema.shape;

export const eventsPath = () => ({
  '/v1/events': {
    get: operation({
      operationId: 'streamEvents',
      summary: "Server-Sent Events: the token's service's events, projected for it",
      description:
        'Each event is a frame `id: <cursor>` and `data: <ChannelEvent as JSON>`; comments keep idle proxies open. A client that reconnects with Last-Event-ID (or ?after=) gets the events it missed first, each once, then live ones.',
      tags: ['events'],
      parameters: [
        {
          name: 'org',
          in: 'query',
          description: 'Admin only; a service token streams its own org',
          schema: inputSchema(org),
        },
        {
          name: 'service',
          in: 'query',
          description: 'Admin only; a service token streams its own service',
          schema: inputSchema(service),
        },
        { name: 'after', in: 'query', description: 'Resume after this event id', schema: inputSchema(after) },
        {
          name: 'Last-Event-ID',
          in: 'header',
          description: 'What an EventSource sends when it reconnects; wins over ?after=',
          schema: inputSchema(after),
        },
      ],
      answer: {
        description: 'An open event stream',
        mediaType: 'text/event-stream',
        jsonSchema: { type: 'string', description: 'SSE frames; each `data:` line is a ChannelEvent as JSON' },
      },
      refusals: [400, 403, ...v1],
    }),
  },
});
