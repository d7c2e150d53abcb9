import { isIPv4, isIPv6 } from 'node:net';

export type IpMode = 'full' | 'truncated' | 'none';
export const IP_MODES: IpMode[] = ['full', 'truncated', 'none'];

/**
 * The client address as the operator chose to keep it. An address is personal data; `truncated`
 * keeps the network (IPv4 /24, IPv6 /48), enough to see where a flood came from, not who sent it.
 */
export function keepIp(address: string | undefined, mode: IpMode): string | null {
  if (!address || mode == 'none') return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped ? mapped[1] : address;
  if (mode == 'full') return ip;
  if (isIPv4(ip)) return ip.replace(/\.\d+$/, '.0');
  if (isIPv6(ip)) return `${expand(ip).slice(0, 3).join(':')}::`;
  return null;
}

/** The eight groups of an IPv6 address, `::` filled in (a zone such as `%eth0` dropped). */
function expand(ip: string): string[] {
  const [head, tail] = ip.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return left.concat(fill, right).map((g) => (parseInt(g, 16) || 0).toString(16));
}
