// Starts Web Chat against the playground's own Direct Line (same origin, polling, no WebSocket).
(function () {
  'use strict';
  var status = document.getElementById('status');
  // The same person across reloads: their partnership and checklists follow the user id kept here.
  var KEY = 'safeguarding-playground-user';
  // Direct Line connection states (botframework-directlinejs): 3 expired token, 4 failed to connect, 5 ended.
  var LOST = [3, 4, 5];
  var subscription = null;
  var watch = null;

  function fail(message) {
    status.textContent = message;
    status.className = 'error';
  }

  if (!window.WebChat) {
    fail('Web Chat did not load. Check that the server is still running, then reload the page.');
    return;
  }

  function storedUser() {
    try {
      return window.localStorage.getItem(KEY);
    } catch (e) {
      return null;
    }
  }

  function start(reconnecting) {
    return fetch('/v3/directline/tokens/generate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(storedUser() ? { userId: storedUser() } : {}),
    })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (session) {
        try {
          window.localStorage.setItem(KEY, session.userId);
        } catch (e) {
          /* private mode: a new id each time */
        }
        var directLine = window.WebChat.createDirectLine({
          token: session.token,
          domain: window.location.origin + '/v3/directline',
          webSocket: false,
          pollingInterval: 500,
        });
        // A fresh element: the old conversation ended with the bot that held it.
        var old = document.getElementById('webchat');
        var host = old.cloneNode(false);
        old.parentNode.replaceChild(host, old);
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
              accent: '#1b4f72',
            },
          },
          host,
        );
        status.className = '';
        status.textContent = reconnecting ? 'The bot restarted, so this is a new conversation (your partnership choice is kept).' : '';
        if (subscription) subscription.unsubscribe();
        subscription = directLine.connectionStatus$.subscribe(function (state) {
          if (LOST.indexOf(state) >= 0) reconnect();
        });
        // Web Chat's polling stops for good on a refused connection (the bot restarting), so ask
        // the Direct Line now and then whether this conversation still exists.
        if (watch) clearInterval(watch);
        watch = setInterval(function () {
          fetch('/v3/directline/conversations/' + encodeURIComponent(session.conversationId), {
            headers: { authorization: 'Bearer ' + session.token },
          }).then(
            function (response) {
              if (response.status === 403 || response.status === 404) reconnect();
            },
            function () {
              /* the bot is down: try again on the next tick */
            },
          );
        }, 3000);
      });
  }

  var retrying = false;
  // After a bot restart its conversations are gone: say so and start a new one, instead of "Send failed".
  function reconnect() {
    if (retrying) return;
    retrying = true;
    status.className = 'error';
    status.textContent = 'Lost the connection to the bot; reconnecting…';
    var attempt = function () {
      start(true).then(
        function () {
          retrying = false;
        },
        function () {
          setTimeout(attempt, 2000);
        },
      );
    };
    attempt();
  }

  start(false).catch(function (error) {
    fail('Could not start the chat (' + error.message + '). Is the bot running in local mode?');
  });
})();
