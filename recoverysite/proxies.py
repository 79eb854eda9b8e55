"""
The visitor's IP address, seen through the proxies the site trusts.

Anyone can send an X-Forwarded-For header, so it is read only when the connection
comes from a proxy listed in TRUSTED_PROXIES, and then from the right: each trusted
proxy appends the address it received the request from, so the rightmost address
that is not a trusted proxy is the visitor. Addresses further left were written by
the visitor and are ignored.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def trusted_networks(proxies):
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def parse_address(value):
    """An address from a header entry (``1.2.3.4``, ``1.2.3.4:80``, ``[::1]:80``)."""
    value = value.strip()
    if value.startswith("["):
        value = value[1:].partition("]")[0]
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def is_trusted(address, networks):
    return any(address in network for network in networks)


def client_ip(request):
    """The address of the visitor, for rate limits and the moderation record."""
    remote = request.META.get("REMOTE_ADDR", "")
    networks = trusted_networks(tuple(settings.TRUSTED_PROXIES))
    address = parse_address(remote)
    if address is None or not networks or not is_trusted(address, networks):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for entry in reversed(forwarded.split(",")):
        hop = parse_address(entry)
        if hop is None:
            # A trusted proxy would not write this: stop at the last sure hop.
            break
        address = hop
        if not is_trusted(hop, networks):
            break
    return str(address)
