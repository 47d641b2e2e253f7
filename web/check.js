// The device check page: what the quiz needs, tested on this browser, with
// a plain-text report to send to a coordinator. Plain ES5 and DOM text nodes
// only, so it runs (and is safe) where the app itself cannot.
(function () {
  "use strict";
  var body = document.querySelector("#checks tbody");
  var lines = [];

  // Adds a row: a bilingual label, the result text, and whether it is fine.
  function row(label, result, good) {
    var tr = document.createElement("tr");
    var th = document.createElement("th");
    var td = document.createElement("td");
    th.textContent = label;
    td.textContent = result;
    if (good !== null) td.className = good ? "ok" : "bad";
    tr.appendChild(th);
    tr.appendChild(td);
    body.appendChild(tr);
    lines.push(label + ": " + result);
    document.getElementById("report").value = lines.join("\n");
  }

  function yes(ok) {
    return ok ? "是 · yes" : "否 · no";
  }

  row("地址 · Address", location.href.split("#")[0], null);
  row("浏览器 · Browser", navigator.userAgent, null);
  row("微信 · WeChat", yes(/MicroMessenger/i.test(navigator.userAgent)), null);
  var framed = window.top !== window.self;
  row("嵌入在门户页面中 · Embedded in a portal page", yes(framed), null);
  row("安全上下文 · Secure context (HTTPS)", yes(window.isSecureContext === true), window.isSecureContext === true);
  row("在线 · Online", yes(navigator.onLine), null);

  // WebAssembly: present, able to compile under this page's policy, and
  // whether streaming compilation exists.
  var wasm = typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function";
  if (!wasm) {
    row("WebAssembly", "不支持，自测无法运行 · not supported, the quiz cannot run", false);
  } else {
    var bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
    WebAssembly.compile(bytes).then(
      function () {
        row("WebAssembly", "可用 · works" + (typeof WebAssembly.instantiateStreaming === "function" ? "" : "（无流式编译 · no streaming）"), true);
      },
      function (error) {
        row("WebAssembly", "被阻止 · blocked: " + error, false);
      }
    );
  }

  // Storage: can a value be written, read back and removed?
  var storage;
  try {
    var key = "lxyz-quiz:check";
    window.localStorage.setItem(key, "1");
    var back = window.localStorage.getItem(key);
    window.localStorage.removeItem(key);
    storage = back === "1" ? "可用 · usable" : "读回不一致 · reads back wrong";
    row("本地存储 · Storage", storage, back === "1");
  } catch (error) {
    row("本地存储 · Storage", "不可用，进度不会保存 · unusable, progress is not saved (" + (error && error.name) + ")", false);
  }
  // In an iframe, browsers keep the module's storage apart from the
  // standalone page (partitioned) or block it.
  if (framed && document.hasStorageAccess) {
    document.hasStorageAccess().then(function (granted) {
      row(
        "存储分区 · Storage partitioning",
        granted ? "未分区 · not partitioned" : "已分区：门户内的进度与单独打开时分开保存 · partitioned: progress in the portal is kept apart from the standalone page",
        null
      );
    });
  } else {
    row("存储分区 · Storage partitioning", framed ? "未知 · unknown" : "不适用（未嵌入）· not applicable (not embedded)", null);
  }
  if (navigator.storage && navigator.storage.estimate) {
    navigator.storage.estimate().then(function (estimate) {
      row("存储配额 · Storage quota", Math.round((estimate.quota || 0) / 1048576) + " MB", null);
    });
  }

  // Offline use needs a service worker.
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.getRegistration("./").then(
      function (registration) {
        var state = registration ? "已安装，可离线使用 · installed, works offline" : "未安装（首次访问后安装）· not installed yet (installed on the first visit)";
        row("离线使用 · Offline (service worker)", state, !!registration);
      },
      function (error) {
        row("离线使用 · Offline (service worker)", "出错 · error: " + error, false);
      }
    );
  } else {
    row("离线使用 · Offline (service worker)", "不支持 · not supported", false);
  }

  // Embedding: the portals embed.json lets the module talk to must be the
  // ones the server lets frame it (QUIZ_ORIGINS in deploy/nginx.conf, sent
  // as the CSP's frame-ancestors). The two lists are kept by hand, so this
  // row compares them.
  function get(url, done) {
    var xhr = new XMLHttpRequest();
    xhr.open("GET", url);
    xhr.setRequestHeader("Cache-Control", "no-cache");
    xhr.onload = function () { done(xhr); };
    xhr.onerror = function () { done(null); };
    xhr.send();
  }
  function origin(entry) {
    var text = String(entry).replace(/^\s+|\s+$/g, "").toLowerCase();
    text = text.replace(/\/$/, "");
    return text.replace(/^(https:\/\/[^\/]+):443$/, "$1").replace(/^(http:\/\/[^\/]+):80$/, "$1");
  }
  function sorted(list) {
    var seen = {};
    var out = [];
    for (var i = 0; i < list.length; i++) {
      if (!seen[list[i]]) {
        seen[list[i]] = true;
        out.push(list[i]);
      }
    }
    return out.sort();
  }
  function missingFrom(list, other) {
    var out = [];
    for (var i = 0; i < list.length; i++) if (other.indexOf(list[i]) < 0) out.push(list[i]);
    return out;
  }
  var embedLabel = "嵌入名单 · Embedding allow-list";
  get("./", function (page) {
    var csp = page && page.getResponseHeader("Content-Security-Policy");
    var match = csp && /frame-ancestors([^;]*)/.exec(csp);
    if (!match) {
      row(embedLabel, "无法检查：服务器未发送 frame-ancestors · cannot check: the server sends no frame-ancestors", null);
      return;
    }
    var framing = [];
    var tokens = match[1].split(/\s+/);
    for (var i = 0; i < tokens.length; i++) {
      if (tokens[i] && tokens[i] !== "'self'") framing.push(origin(tokens[i]));
    }
    get("embed.json", function (embed) {
      var listed = [];
      if (embed && embed.status === 200) {
        try {
          var config = JSON.parse(embed.responseText);
          var entries = config && config.allowed_origins instanceof Array ? config.allowed_origins : [];
          for (var j = 0; j < entries.length; j++) listed.push(origin(entries[j]));
        } catch (error) {
          row(embedLabel, "embed.json 无法读取 · embed.json is unreadable: " + error, false);
          return;
        }
      }
      framing = sorted(framing);
      listed = sorted(listed);
      if (framing.length === 0 && listed.length === 0) {
        row(embedLabel, "未启用（只能单独打开）· not set up (standalone only)", null);
        return;
      }
      var onlyNginx = missingFrom(framing, listed);
      var onlyEmbed = missingFrom(listed, framing);
      if (onlyNginx.length === 0 && onlyEmbed.length === 0) {
        row(embedLabel, "一致 · match: " + listed.join(" "), true);
      } else {
        row(
          embedLabel,
          "不一致 · differ: 只在 nginx 的 QUIZ_ORIGINS · only in nginx QUIZ_ORIGINS: " +
            (onlyNginx.join(" ") || "—") +
            "；只在 embed.json · only in embed.json: " +
            (onlyEmbed.join(" ") || "—"),
          false
        );
      }
    });
  });

  // Language: the browser's, and the one saved in the quiz.
  row("浏览器语言 · Browser languages", (navigator.languages || [navigator.language]).join(", "), null);
  var saved;
  try {
    saved = window.localStorage.getItem("lxyz-quiz:lang") || "未选择（中文）· not chosen (Chinese)";
  } catch (error) {
    saved = "无法读取 · unreadable";
  }
  row("自测语言 · Quiz language", saved, null);
  row("屏幕 · Screen", window.innerWidth + "×" + window.innerHeight + " @" + (window.devicePixelRatio || 1) + "x", null);
})();
