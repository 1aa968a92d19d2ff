import { Redis } from 'ioredis';

/**
 * Deletes the BullMQ keys of one queue prefix. Each bench run uses its own prefix: the close's
 * job ids are deterministic per (date, attempt), so a reloaded database on an old prefix would
 * find its jobs "already completed" in Redis and never run them.
 */
export async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect();
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
