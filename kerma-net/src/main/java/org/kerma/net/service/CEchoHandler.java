package org.kerma.net.service;

import org.kerma.net.Association;
import org.kerma.net.Status;

/** Answers C-ECHO (PS3.7 section 9.1.5). The default node answers Success without one. */
@FunctionalInterface
public interface CEchoHandler {
    /** Called on the association's thread; returns the status to send. */
    Status echo(Association association) throws Exception;
}
