/**
 * `npm run playground`: the bot in local development mode plus the Microsoft 365 Agents
 * Playground (Microsoft's Teams-like local client, a devDependency) pointed at it in Teams
 * channel mode, both on 127.0.0.1. Try personal chat, group chat, a channel with @mention and
 * the compose-box search without a Teams tenant. The start code is scripts/agents-playground.ts,
 * which the browser test (test/web/agents-playground.test.ts) runs too.
 *
 *   PORT               the bot's port (default 3978)
 *   PLAYGROUND_PORT    the playground's port (default 56150)
 *
 * Stops both on Ctrl+C; if either stops, so does the other.
 */
import { LocalModeRequired, startAgentsPlayground, type RunningAgentsPlayground } from './agents-playground.ts';

let running: RunningAgentsPlayground;
try {
  running = await startAgentsPlayground({
    botPort: Number(process.env.PORT || 3978),
    playgroundPort: Number(process.env.PLAYGROUND_PORT || 56150),
    onLine: (name, line, stream) => (stream === 'stderr' ? process.stderr : process.stdout).write(`[${name}] ${line}\n`),
  });
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(err instanceof LocalModeRequired ? 78 : 1);
}

async function stop(code: number): Promise<never> {
  await running.stop(); // the same stop however often it is asked
  process.exit(code);
}
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));
process.stdout.write(`\nMicrosoft 365 Agents Playground: ${running.url}  (bot: ${running.botEndpoint})\n`);

const { name, code } = await running.exited;
process.stdout.write(`[${name}] stopped (${code ?? 'signal'})\n`);
await stop(code ?? 0);
