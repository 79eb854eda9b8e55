from recoverysite.publishing import expire_at


class AnnouncementExpiryMiddleware:
    """
    A page made with the announcements expires when they next change, so the
    page cache and browsers neither keep one past its end nor miss one's start.
    Sits inside the page cache, which reads ``Expires`` to decide how long to keep.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        expire_at(response, getattr(request, "announcements_change_at", None))
        return response
