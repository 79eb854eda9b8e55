from django.contrib import admin

from accounts.forms import TwoStepAuthenticationForm

# The sign-in asks for the two-step code of those who turned it on.
admin.site.login_form = TwoStepAuthenticationForm
admin.site.login_template = "admin/accounts/login.html"
