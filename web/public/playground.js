// Starts Web Chat against the playground's own Direct Line (same origin, polling, no WebSocket).
(function () {
  'use strict';
  var status = document.getElementById('status');

  function fail(message) {
    status.textContent = message;
    status.className = 'error';
  }

  if (!window.WebChat) {
    fail('Web Chat did not load. Check that the server is still running, then reload the page.');
    return;
  }

  fetch('/v3/directline/tokens/generate', { method: 'POST' })
    .then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    })
    .then(function (session) {
      var directLine = window.WebChat.createDirectLine({
        token: session.token,
        domain: window.location.origin + '/v3/directline',
        webSocket: false,
        pollingInterval: 500
      });
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          userID: session.userId,
          username: 'You',
          locale: 'en-GB',
          styleOptions: {
            hideUploadButton: true,
            botAvatarInitials: 'SH',
            userAvatarInitials: 'You',
            accent: '#1b4f72'
          }
        },
        document.getElementById('webchat')
      );
      status.textContent = '';
    })
    .catch(function (error) {
      fail('Could not start the chat (' + error.message + '). Is the bot running in local mode?');
    });
})();
