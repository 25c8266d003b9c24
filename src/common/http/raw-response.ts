import type { FastifyReply } from 'fastify';
import type { ServerResponse } from 'http';

/**
 * The Node response under a Fastify reply, for a route that streams its body itself (an Excel workbook
 * written as it is built): Fastify leaves the response alone from here on. Headers already set on the
 * reply are carried over; the status is 200 and `headers` are set, nothing is sent yet. An error thrown
 * before the first byte still becomes the API error shape (AllExceptionsFilter writes it here).
 */
export function streamingResponse(reply: FastifyReply, headers: Record<string, string>): ServerResponse {
  reply.hijack();
  const response = reply.raw;
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) response.setHeader(name, value);
  response.statusCode = 200;
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  return response;
}
