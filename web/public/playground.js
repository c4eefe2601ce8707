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

  // The same person across reloads: their partnership and checklists follow the user id kept here.
  var KEY = 'safeguarding-playground-user';
  var known = null;
  try { known = window.localStorage.getItem(KEY); } catch (e) { known = null; }
  fetch('/v3/directline/tokens/generate', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(known ? { userId: known } : {})
  })
    .then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    })
    .then(function (session) {
      try { window.localStorage.setItem(KEY, session.userId); } catch (e) { /* private mode: a new id each time */ }
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
