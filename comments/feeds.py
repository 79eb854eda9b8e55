from django.shortcuts import get_object_or_404

from comments.models import Comment
from comments.templatetags.comment_threads import comment_html
from recoverysite.syndication import Feed

FEED_LENGTH = 30


class CommentsFeed(Feed):
    """The newest published comments on one article or event."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def get_object(self, request, slug):
        return get_object_or_404(self.model.objects.published(), slug=slug)

    def title(self, target):
        return f"Comments on “{target}”"

    def link(self, target):
        return target.get_absolute_url() + "#comments"

    def description(self, target):
        return f"The newest comments on “{target}”."

    def items(self, target):
        comments = list(
            Comment.objects.for_object(target)
            .published()
            .select_related(None)
            .order_by("-submit_date")[:FEED_LENGTH]
        )
        for comment in comments:
            comment.content_object = target  # every link needs it: fetch it once
        return comments

    def item_title(self, comment):
        return f"{comment.user_name}: {comment.comment[:60]}"

    def item_description(self, comment):
        # Feed readers read descriptions as HTML: the visitor's text is escaped.
        return comment_html(comment.comment)

    def item_author_name(self, comment):
        return comment.user_name

    def item_pubdate(self, comment):
        return comment.submit_date

    def item_link(self, comment):
        return comment.get_absolute_url()
