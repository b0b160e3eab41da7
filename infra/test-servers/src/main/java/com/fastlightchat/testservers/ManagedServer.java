package com.fastlightchat.testservers;

/** One embedded server that can be stopped and started again on the same port with the same data. */
interface ManagedServer {

    /** Starts the server and returns once it accepts connections; does nothing if it is running. */
    void start();

    /** Stops the server and returns once it is gone; does nothing if it is stopped. */
    void stop();

    /** A short name for logs and errors. */
    String name();
}
