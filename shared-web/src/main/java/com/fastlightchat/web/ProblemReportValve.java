package com.fastlightchat.web;

import org.apache.catalina.Context;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Errors that Tomcat answers itself, before any of our code runs (a malformed request line, an encoded slash in a
 * path, a request header over the limit), as RFC 9457 problems instead of Tomcat's HTML page, so that every refusal
 * of our API is a problem. Replaces the host's error report valve.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            OutputStream out = response.getOutputStream();
            out.write(ProblemResponses.json(status, status == 400 ? "invalid-request" : "http-" + status,
                    status == 400 ? "the request is not valid HTTP for this server (request line, path or headers)"
                            : "the request could not be served"));
            out.flush();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was taken meanwhile: nothing more to tell
        }
    }

    /** Installs the valve on the embedded Tomcat's host, after Spring Boot has set up its own. */
    public static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(Installer::install);
        }

        private static void install(Context context) {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.getPipeline().addValve(new ProblemReportValve());
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
