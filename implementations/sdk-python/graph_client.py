"""
msgraph-sdk's GraphServiceClient with a base URL and a static bearer token: what a bot does with the token it got
from Entra ID, and what points the SDK at the mock Graph. The SDK's own request adapter, serializers and middleware
do everything else. Used by the SDK bot (sdk_bot.py) and the snippet host (snippet_host.py).
"""
from urllib.parse import urlparse

from kiota_abstractions.authentication import AccessTokenProvider, AllowedHostsValidator, BaseBearerTokenAuthenticationProvider
from msgraph import GraphRequestAdapter, GraphServiceClient


class StaticToken(AccessTokenProvider):
    """The token a bot got from Entra ID, for the mock's host only (Kiota checks the host before attaching it)."""

    def __init__(self, token, host):
        self.token = token
        self.hosts = AllowedHostsValidator([host])

    async def get_authorization_token(self, uri, additional_authentication_context=None):
        return self.token

    def get_allowed_hosts_validator(self):
        return self.hosts


def client_for(base_url, token):
    host = urlparse(base_url).hostname
    adapter = GraphRequestAdapter(BaseBearerTokenAuthenticationProvider(StaticToken(token, host)))
    adapter.base_url = base_url
    return GraphServiceClient(request_adapter=adapter)
