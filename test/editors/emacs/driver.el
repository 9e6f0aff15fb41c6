;;; driver.el --- Test driver for test/editors/emacs.test.mjs  -*- lexical-binding: t -*-

;; Run by a real Emacs in batch mode: loads the user configuration under test (the docs/editors.md
;; snippet), opens a scope file, waits with a deadline for the diagnostics Flymake shows through eglot
;; and writes them, one JSON object a line, to SCOPE_OUT.
;;
;; Environment: SCOPE_CONFIG (Elisp file: the snippet), SCOPE_FILE, SCOPE_OUT, SCOPE_DEADLINE_MS,
;; SCOPE_SETTINGS (JSON; becomes `eglot-workspace-configuration'), SCOPE_NO_CONFIGURATION (non-empty:
;; the client does not announce workspace/configuration).

;;; Code:

(require 'cl-lib)
(require 'json)
(require 'subr-x)

(defvar scope-test--records nil "JSON lines written so far, newest first.")

(defun scope-test--record (alist)
  (push (json-encode alist) scope-test--records))

(defun scope-test--finish (status)
  (with-temp-file (getenv "SCOPE_OUT")
    (insert (string-join (reverse scope-test--records) "\n") "\n"))
  (kill-emacs status))

(defun scope-test--env-json (name)
  (let ((text (getenv name)))
    (unless (or (null text) (string-empty-p text))
      (let ((json-object-type 'plist) (json-key-type 'keyword) (json-array-type 'vector))
        (json-read-from-string text)))))

(defun scope-test--without-configuration (capabilities)
  "CAPABILITIES without workspace.configuration, as an older or simpler client would send them."
  (let ((workspace (copy-sequence (plist-get capabilities :workspace))))
    (cl-remf workspace :configuration)
    (plist-put (copy-sequence capabilities) :workspace workspace)))

(defun scope-test--code (text)
  "The rule id that eglot shows in TEXT (\"scope [rule-id]: message\")."
  (when (string-match "\\`[^[]*\\[\\([^]]+\\)\\]: " text)
    (match-string 1 text)))

(defun scope-test--run ()
  (load (getenv "SCOPE_CONFIG") nil t)
  (let ((settings (scope-test--env-json "SCOPE_SETTINGS"))
        (deadline (+ (float-time)
                     (/ (string-to-number (or (getenv "SCOPE_DEADLINE_MS") "30000")) 1000.0))))
    (when settings
      (setq-default eglot-workspace-configuration settings))
    (unless (string-empty-p (or (getenv "SCOPE_NO_CONFIGURATION") ""))
      (advice-add 'eglot-client-capabilities :filter-return #'scope-test--without-configuration))
    (cl-defmethod eglot-handle-notification :before
      (_server (_method (eql window/logMessage)) &key type message &allow-other-keys)
      (scope-test--record `((kind . "log") (type . ,type) (message . ,message))))
    (find-file (getenv "SCOPE_FILE"))
    ;; `eglot-ensure' connects from `post-command-hook', which the command loop runs after the command
    ;; that opened the file; batch mode has no command loop, so run it once as it would.
    (run-hooks 'post-command-hook)
    ;; The server publishes once it has the file's settings, so the first non-empty set is the answer.
    ;; Flymake asks eglot for them when it starts a check.
    (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      (when (eglot-managed-p)
        (flymake-start)))
    (let ((server (eglot-current-server)))
      (scope-test--record `((kind . "buffer")
                            (mode . ,(symbol-name major-mode))
                            (managed . ,(if (eglot-managed-p) t :json-false))
                            (server . ,(if server (car (process-command (jsonrpc--process server))) :json-null))))
      (if (null (flymake-diagnostics))
          (progn (scope-test--record '((kind . "error") (message . "no diagnostics before the deadline"))) 2)
        (dolist (diagnostic (flymake-diagnostics))
          (let ((text (flymake-diagnostic-text diagnostic)))
            (scope-test--record `((kind . "diagnostic")
                                  (code . ,(or (scope-test--code text) :json-null))
                                  (line . ,(line-number-at-pos (flymake-diagnostic-beg diagnostic)))
                                  (severity . ,(symbol-name (flymake-diagnostic-type diagnostic)))
                                  (text . ,text)))))
        (when server
          (eglot-shutdown server))
        0))))

(scope-test--finish
 (condition-case error
     (scope-test--run)
   (error (scope-test--record `((kind . "error") (message . ,(error-message-string error)))) 3)))

;;; driver.el ends here
